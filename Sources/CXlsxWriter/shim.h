// libxlsxwriter (Debian's libxlsxwriter-dev), the C library that writes .xlsx workbooks with native charts.
#include <xlsxwriter.h>
