/* TEST-ONLY stand-in for Windows' bcryptprimitives.dll, for running Meirim's Windows
 * builds under Debian's wine 8, which lacks this DLL. Rust's standard library (1.78+)
 * takes its random bytes from ProcessPrng here; on real Windows 10/11 the system's own
 * DLL provides it. Never ship this file or the DLL built from it. */
#include <windows.h>

/* RtlGenRandom, exported by advapi32 under this name. */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    while (len > 0) {
        ULONG chunk = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
