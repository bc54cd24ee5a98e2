using System.Runtime.InteropServices;

namespace CarteValoise.Edge.Storage;

/// <summary>
/// fsync of a directory, so that a file just created there survives a power cut: fsync of the
/// file persists its content, not necessarily its name in the directory. .NET has no API for
/// it (a directory cannot be opened as a FileStream), hence libc — present on every Linux box.
/// </summary>
internal static class DirectorySync
{
    private const int ReadOnly = 0; // O_RDONLY: the same value on x64 and arm64, unlike O_DIRECTORY.

    public static void Flush(string directory)
    {
        if (!OperatingSystem.IsLinux()) return;
        var fd = Open(directory, ReadOnly);
        if (fd < 0) throw new IOException($"Impossible d'ouvrir le dossier {directory} pour le synchroniser (errno {Marshal.GetLastPInvokeError()}).");
        try
        {
            if (Fsync(fd) != 0)
                throw new IOException($"Impossible de synchroniser le dossier {directory} sur le disque (errno {Marshal.GetLastPInvokeError()}).");
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int Open(string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);
}
