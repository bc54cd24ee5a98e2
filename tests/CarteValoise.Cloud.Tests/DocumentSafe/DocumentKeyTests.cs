using CarteValoise.Cloud.DocumentSafe;
using CarteValoise.Cloud.Tests.Storage;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace CarteValoise.Cloud.Tests.DocumentSafe;

public sealed class DocumentKeyTests
{
    private static IConfiguration Settings(string? key) =>
        new ConfigurationBuilder().AddInMemoryCollection(key is null ? [] : [new(DocumentKey.ConfigurationKey, key)]).Build();

    [Fact]
    public void A_configured_key_is_used_and_nothing_is_written()
    {
        using var directory = new TemporaryDirectory();
        Directory.CreateDirectory(directory.Path);
        var bytes = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

        var key = DocumentKey.FromConfiguration(Settings(Convert.ToBase64String(bytes)), directory.Path);

        Assert.Equal(bytes, key.Bytes);
        Assert.Null(key.KeptIn);
        Assert.Empty(Directory.GetFiles(directory.Path));
    }

    [Fact]
    public void Without_a_configured_key_one_is_made_once_into_the_data_directory_readable_by_its_owner_only()
    {
        using var directory = new TemporaryDirectory();
        Directory.CreateDirectory(directory.Path);

        var first = DocumentKey.FromConfiguration(Settings(null), directory.Path);
        var again = DocumentKey.FromConfiguration(Settings(null), directory.Path);

        var file = Path.Combine(directory.Path, DocumentKey.FileName);
        Assert.Equal(file, first.KeptIn);
        Assert.Equal(32, first.Bytes.Length);
        Assert.Equal(first.Bytes, again.Bytes);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
    }

    [Theory]
    [InlineData("pas-du-base64")]
    [InlineData("AAAA")]
    public void A_key_that_is_not_32_bytes_of_base64_stops_the_start_naming_the_setting(string configured)
    {
        using var directory = new TemporaryDirectory();
        Directory.CreateDirectory(directory.Path);

        var refused = Assert.Throws<InvalidOperationException>(() => DocumentKey.FromConfiguration(Settings(configured), directory.Path));

        Assert.Equal("DocumentSafe:Key doit contenir une clé de 32 octets en base64 (openssl rand -base64 32). / DocumentSafe:Key must hold a 32-byte key in base64.", refused.Message);
    }
}
