using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace CarteValoise.Readers.KeyboardWedge;

/// <summary>EVIOCGRAB: while the box holds the device open, its key presses go to the box alone.</summary>
internal static partial class InputDeviceGrab
{
    // _IOW('E', 0x90, int)
    private const nuint EviocGrab = 0x40044590;

    public static bool TryGrab(SafeFileHandle device, out int errno)
    {
        errno = 0;
        if (!OperatingSystem.IsLinux())
        {
            errno = -1;
            return false;
        }
        var added = false;
        try
        {
            device.DangerousAddRef(ref added);
            if (ioctl((int)device.DangerousGetHandle(), EviocGrab, 1) == 0) return true;
            errno = Marshal.GetLastPInvokeError();
            return false;
        }
        finally
        {
            if (added) device.DangerousRelease();
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int ioctl(int fd, nuint request, nint argument);
}
