#ifndef CREDITMEDICAL_CLIBPQ_SHIM_H
#define CREDITMEDICAL_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
