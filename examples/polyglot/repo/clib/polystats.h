#ifndef POLYSTATS_H
#define POLYSTATS_H

#include <stddef.h>

/* Arithmetic mean of n values; 0 when n is 0. */
double polystats_mean(const double *values, size_t n);

#endif
