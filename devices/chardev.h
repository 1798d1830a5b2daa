/* A serial back end ("character device") shared by the PL011 and the virtio console: where the
 * guest's transmitted bytes go and where received bytes come from, chosen by a -serial spec:
 *   "stdio"      output to stdout, input from stdin
 *   "null"       output discarded, no input
 *   "file:PATH"  output to PATH (created or truncated), no input
 *   "unix:PATH"  connect to a listening unix-domain stream socket; output and input through it
 * Output is line buffered: bytes are written out at each '\n', when the buffer fills, on
 * chardev_flush() and at chardev_close(). Input is never blocking: chardev_read() returns what the
 * host has available right now. */
#ifndef DEVICES_CHARDEV_H
#define DEVICES_CHARDEV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct chardev;

/* Open a back end. Returns NULL with a one-line message in err on a bad spec or a failed open. */
struct chardev *chardev_open(const char *spec, char *err, size_t errlen);
/* Flush pending output and release the back end (NULL is accepted). */
void chardev_close(struct chardev *c);

void chardev_write(struct chardev *c, const uint8_t *buf, size_t n);
void chardev_flush(struct chardev *c);

/* Non-blocking read of at most n bytes. Returns the number read (0 if nothing is available, the
 * back end has no input, or input reached end of file). */
size_t chardev_read(struct chardev *c, uint8_t *buf, size_t n);

/* True if this back end can ever deliver input (stdio and unix, until end of file). */
bool chardev_has_input(const struct chardev *c);

#endif
