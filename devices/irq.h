/* An interrupt output line of a device model. Devices compute their level; a machine connects the
 * line to an interrupt controller input (typically gicv3_irq_input() with line = the INTID), and
 * the device calls the sink only when the level changes. An unconnected line just records the
 * level, which the device's *_irq_level() function also reports. */
#ifndef DEVICES_IRQ_H
#define DEVICES_IRQ_H

#include <stdbool.h>

typedef void (*irq_sink_fn)(void *opaque, unsigned line, bool level);

struct irq_out {
    irq_sink_fn sink;
    void *opaque;
    unsigned line;
    bool level;
};

static inline void irq_out_connect(struct irq_out *o, irq_sink_fn sink, void *opaque, unsigned line)
{
    o->sink = sink;
    o->opaque = opaque;
    o->line = line;
    if (sink)
        sink(opaque, line, o->level); /* bring the controller in step with the current level */
}

static inline void irq_out_set(struct irq_out *o, bool level)
{
    if (level == o->level)
        return;
    o->level = level;
    if (o->sink)
        o->sink(o->opaque, o->line, level);
}

#endif
