/* For the smoke run under Wine only, never shipped. Rust's standard library draws its random
 * numbers from ProcessPrng in bcryptprimitives.dll, which Windows 10 and 11 have and Debian's
 * Wine 8.0 lacks; this stand-in answers it with RtlGenRandom (advapi32's SystemFunction036). */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG n = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, n))
            return FALSE;
        data += n;
        length -= n;
    }
    return TRUE;
}
