#include <stdio.h>

#include "polystats.h"

int main(void) {
  const double values[] = {1.0, 2.0, 6.0};
  if (polystats_mean(values, 3) != 3.0) {
    fprintf(stderr, "mean is wrong\n");
    return 1;
  }
  return 0;
}
