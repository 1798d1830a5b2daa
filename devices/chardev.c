/* Serial back ends: stdio, null, file:PATH, unix:PATH (see chardev.h). */
#include "devices/chardev.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "core/log.h"

enum chardev_kind { CHR_STDIO, CHR_NULL, CHR_FILE, CHR_UNIX };

#define CHR_OUTBUF 256

struct chardev {
    enum chardev_kind kind;
    int out_fd;          /* -1: output discarded */
    int in_fd;           /* -1: no input */
    bool own_fds;        /* close the descriptors at chardev_close (not for stdio) */
    bool out_failed;     /* a write failed once: reported, later output dropped */
    size_t out_len;
    uint8_t out[CHR_OUTBUF];
};

static struct chardev *chr_new(enum chardev_kind kind, int out_fd, int in_fd, bool own)
{
    struct chardev *c = calloc(1, sizeof(*c));
    if (!c)
        return NULL;
    c->kind = kind;
    c->out_fd = out_fd;
    c->in_fd = in_fd;
    c->own_fds = own;
    return c;
}

struct chardev *chardev_open(const char *spec, char *err, size_t errlen)
{
    struct chardev *c = NULL;

    if (!spec || !strcmp(spec, "stdio")) {
        c = chr_new(CHR_STDIO, STDOUT_FILENO, STDIN_FILENO, false);
    } else if (!strcmp(spec, "null")) {
        c = chr_new(CHR_NULL, -1, -1, false);
    } else if (!strncmp(spec, "file:", 5) && spec[5]) {
        int fd = open(spec + 5, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd < 0) {
            snprintf(err, errlen, "serial: cannot create '%s': %s", spec + 5, strerror(errno));
            return NULL;
        }
        c = chr_new(CHR_FILE, fd, -1, true);
        if (!c)
            close(fd);
    } else if (!strncmp(spec, "unix:", 5) && spec[5]) {
        struct sockaddr_un sa = { .sun_family = AF_UNIX };
        if (strlen(spec + 5) >= sizeof(sa.sun_path)) {
            snprintf(err, errlen, "serial: unix socket path too long: '%s'", spec + 5);
            return NULL;
        }
        strcpy(sa.sun_path, spec + 5);
        int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0) {
            snprintf(err, errlen, "serial: socket: %s", strerror(errno));
            return NULL;
        }
        if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
            snprintf(err, errlen, "serial: cannot connect to '%s': %s", spec + 5, strerror(errno));
            close(fd);
            return NULL;
        }
        c = chr_new(CHR_UNIX, fd, fd, true);
        if (!c)
            close(fd);
    } else {
        snprintf(err, errlen, "serial: unknown back end '%s' (stdio, null, file:PATH, unix:PATH)",
                 spec);
        return NULL;
    }
    if (!c)
        snprintf(err, errlen, "serial: out of memory");
    return c;
}

void chardev_flush(struct chardev *c)
{
    size_t done = 0;

    if (!c || !c->out_len)
        return;
    while (done < c->out_len && c->out_fd >= 0 && !c->out_failed) {
        ssize_t n;
        if (c->kind == CHR_UNIX) /* a closed peer must not kill the emulator with SIGPIPE */
            n = send(c->out_fd, c->out + done, c->out_len - done, MSG_NOSIGNAL);
        else
            n = write(c->out_fd, c->out + done, c->out_len - done);
        if (n > 0) {
            done += (size_t)n;
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            struct pollfd p = { .fd = c->out_fd, .events = POLLOUT };
            poll(&p, 1, 100);
        } else {
            error_report("serial: output failed (%s); further output dropped",
                         n < 0 ? strerror(errno) : "short write");
            c->out_failed = true;
        }
    }
    c->out_len = 0;
}

void chardev_write(struct chardev *c, const uint8_t *buf, size_t n)
{
    if (!c || c->out_fd < 0)
        return;
    for (size_t i = 0; i < n; i++) {
        c->out[c->out_len++] = buf[i];
        if (buf[i] == '\n' || c->out_len == CHR_OUTBUF)
            chardev_flush(c);
    }
}

size_t chardev_read(struct chardev *c, uint8_t *buf, size_t n)
{
    if (!c || c->in_fd < 0 || n == 0)
        return 0;
    struct pollfd p = { .fd = c->in_fd, .events = POLLIN };
    int r = poll(&p, 1, 0);
    if (r <= 0 || !(p.revents & (POLLIN | POLLHUP | POLLERR)))
        return 0;
    ssize_t got = read(c->in_fd, buf, n);
    if (got > 0)
        return (size_t)got;
    if (got == 0 || (errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK)) {
        /* End of input (or a broken descriptor): stop polling it. Output is unaffected. */
        if (c->kind != CHR_UNIX && c->own_fds && c->in_fd != c->out_fd)
            close(c->in_fd);
        c->in_fd = -1;
    }
    return 0;
}

bool chardev_has_input(const struct chardev *c)
{
    return c && c->in_fd >= 0;
}

void chardev_close(struct chardev *c)
{
    if (!c)
        return;
    chardev_flush(c);
    if (c->own_fds) {
        if (c->out_fd >= 0)
            close(c->out_fd);
        else if (c->kind == CHR_UNIX && c->in_fd >= 0)
            close(c->in_fd);
    }
    free(c);
}
