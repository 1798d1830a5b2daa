/* `dt`: the guest device tree printed as dts-like text, straight from the blob with libfdt.
 * A property is shown as strings when it is a list of printable NUL-terminated strings, as <cells>
 * when its length is a multiple of 4, and as [bytes] otherwise - the same heuristic dtc -I dtb uses. */
#include <ctype.h>
#include <libfdt.h>
#include <string.h>

#include "tools/debug/shell.h"

static bool is_strlist(const char *p, int len)
{
    if (len <= 0 || p[len - 1] != '\0')
        return false;
    bool prev_nul = true;
    for (int i = 0; i < len; i++) {
        if (p[i] == '\0') {
            if (prev_nul)
                return false;  /* an empty string in the list: more likely binary data */
            prev_nul = true;
        } else if (!isprint((unsigned char)p[i])) {
            return false;
        } else {
            prev_nul = false;
        }
    }
    return true;
}

static void print_prop(FILE *out, int depth, const char *name, const void *data, int len)
{
    fprintf(out, "%*s%s", depth * 4, "", name);
    const unsigned char *b = data;
    if (len == 0) {
        fprintf(out, ";\n");
    } else if (is_strlist(data, len)) {
        fprintf(out, " = ");
        for (int i = 0; i < len; i += (int)strlen((const char *)b + i) + 1)
            fprintf(out, "%s\"%s\"", i ? ", " : "", (const char *)b + i);
        fprintf(out, ";\n");
    } else if (len % 4 == 0) {
        fprintf(out, " = <");
        for (int i = 0; i < len; i += 4)
            fprintf(out, "%s0x%08x", i ? " " : "", fdt32_to_cpu(*(const fdt32_t *)(b + i)));
        fprintf(out, ">;\n");
    } else {
        fprintf(out, " = [");
        for (int i = 0; i < len; i++)
            fprintf(out, "%s%02x", i ? " " : "", b[i]);
        fprintf(out, "];\n");
    }
}

int dbg_print_dtb(FILE *out, const void *blob, size_t size)
{
    if (size < sizeof(struct fdt_header) || fdt_check_header(blob) != 0 || fdt_totalsize(blob) > size)
        return -1;
    fprintf(out, "/dts-v1/;\n\n");
    int depth = 0, node = 0;
    int prev_depth = -1;
    while (node >= 0 && depth >= 0) {  /* past the root's end libfdt returns depth -1 */
        /* Close the nodes we are leaving. */
        while (prev_depth >= depth && prev_depth >= 0) {
            fprintf(out, "%*s};\n", prev_depth * 4, "");
            prev_depth--;
        }
        const char *name = fdt_get_name(blob, node, NULL);
        fprintf(out, "%*s%s {\n", depth * 4, "", depth == 0 ? "/" : (name ? name : "?"));
        int prop;
        fdt_for_each_property_offset(prop, blob, node) {
            const char *pname;
            int len;
            const void *data = fdt_getprop_by_offset(blob, prop, &pname, &len);
            if (data)
                print_prop(out, depth + 1, pname, data, len);
        }
        prev_depth = depth;
        node = fdt_next_node(blob, node, &depth);
    }
    while (prev_depth >= 0) {
        fprintf(out, "%*s};\n", prev_depth * 4, "");
        prev_depth--;
    }
    return 0;
}
