using System.Runtime.InteropServices;

namespace CarteValoise.Cloud.Storage;

/// <summary>
/// Makes the creation of a file or folder survive a power cut.
/// </summary>
/// <remarks>
/// On Linux an fsync of a new file does not record its name in the folder that holds it: until
/// that folder is itself synced, the first acknowledged writes could vanish with the whole file.
/// .NET cannot open a folder as a stream, hence the three libc calls. Windows journals names with
/// the file, so there is nothing to do there.
/// </remarks>
internal static class DirectoryDurability
{
    /// <summary>Creates <paramref name="directory"/> (and missing parents), syncing every folder that gained an entry.</summary>
    public static void CreateDirectory(string directory)
    {
        var missing = new Stack<string>();
        for (var current = directory; !Directory.Exists(current); current = Path.GetDirectoryName(current)!)
        {
            missing.Push(current);
            if (Path.GetDirectoryName(current) is null) break;
        }
        if (missing.Count == 0) return;

        Directory.CreateDirectory(directory);
        foreach (var created in missing)
        {
            if (Path.GetDirectoryName(created) is { } parent) Sync(parent);
        }
    }

    /// <summary>Records the entries of <paramref name="directory"/> on stable storage.</summary>
    public static void Sync(string directory)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD()) return;

        var fd = open(directory, 0 /* O_RDONLY */);
        if (fd < 0) throw new IOException($"Le dossier « {directory} » ne s'ouvre pas pour être synchronisé (errno {Marshal.GetLastPInvokeError()}).");
        try
        {
            if (fsync(fd) != 0) throw new IOException($"Le dossier « {directory} » ne se synchronise pas sur le disque (errno {Marshal.GetLastPInvokeError()}).");
        }
        finally
        {
            _ = close(fd);
        }
    }

    [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int fsync(int fd);

    [DllImport("libc", SetLastError = true)]
    private static extern int close(int fd);
}
