#ifndef TICKLER_CSYSTEMD_SHIM_H
#define TICKLER_CSYSTEMD_SHIM_H

// Only the non-variadic entry points import into Swift: sd_notify, sd_watchdog_enabled,
// sd_journal_sendv (sd_journal_send and sd_notifyf are variadic and do not).
#include <sys/uio.h>
#include <systemd/sd-daemon.h>
#include <systemd/sd-journal.h>

#endif
