#ifndef CREDITMEDICAL_CSQLITE_SHIM_H
#define CREDITMEDICAL_CSQLITE_SHIM_H
#include <sqlite3.h>
#endif
