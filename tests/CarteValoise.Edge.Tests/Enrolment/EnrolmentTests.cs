using CarteValoise.Contracts.EdgeSync;
using CarteValoise.Edge.Configuration;
using CarteValoise.Edge.Enrolment;
using CarteValoise.Edge.Tests.Support;
using CarteValoise.Edge.Tests.Uplink;
using CarteValoise.Edge.Uplink;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CarteValoise.Edge.Tests.Enrolment;

/// <summary>A new box exchanges the one-time code from /Admin for its credential, keeps it, and never needs the code again.</summary>
public class EnrolmentTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static EnrolReply Credential() => new() { BoxId = "box-95127-E1-2", Secret = "kq3…secret", SchoolId = "95127-E1", SchoolName = "École élémentaire des Touleuses" };

    private Task<BoxIdentity.Source> Resolve(BoxOptions box, FakeCloud cloud, TimeProvider? time = null, ListLogger<BoxEnrolment>? log = null)
    {
        var logger = log ?? new ListLogger<BoxEnrolment>();
        var enrolment = new BoxEnrolment(cloud.Address, time ?? TimeProvider.System, logger);
        return BoxIdentity.ResolveAsync(box, _directory.Path, enrolment.EnrolAsync, logger, CancellationToken.None);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")] // the box runs on Linux; the mode is a Unix one
    public async Task A_new_box_exchanges_its_code_keeps_the_credential_for_its_user_only_and_uses_it_from_then_on()
    {
        await using var cloud = await FakeCloud.StartAsync();
        cloud.Enrolment = _ => Credential();
        var box = new BoxOptions { EnrolmentCode = " K7P-4QX-93M ", CloudAddress = cloud.Address };

        Assert.Equal(BoxIdentity.Source.Enrolment, await Resolve(box, cloud));

        Assert.Equal(("box-95127-E1-2", "kq3…secret", "95127-E1"), (box.Id, box.Secret, box.SchoolId));
        var request = Assert.Single(cloud.EnrolRequests);
        Assert.Equal(new EnrolRequest { Code = "K7P-4QX-93M", SoftwareVersion = Wire.SoftwareVersion }, request);
        var file = CredentialFile.PathIn(_directory.Path);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(new BoxCredential("box-95127-E1-2", "kq3…secret", "95127-E1", "École élémentaire des Touleuses"), CredentialFile.Read(_directory.Path));
        Assert.Equal([CredentialFile.FileName], Directory.GetFiles(_directory.Path).Select(Path.GetFileName));

        // Restarted with the code still in its environment: the kept credential is used, the code is not spent again.
        var restarted = new BoxOptions { EnrolmentCode = "K7P-4QX-93M", CloudAddress = cloud.Address };
        Assert.Equal(BoxIdentity.Source.CredentialFile, await Resolve(restarted, cloud));
        Assert.Equal(("box-95127-E1-2", "kq3…secret", "95127-E1"), (restarted.Id, restarted.Secret, restarted.SchoolId));
        Assert.Single(cloud.EnrolRequests);
    }

    [Fact]
    public async Task Box_Id_and_Box_Secret_in_the_configuration_win_over_the_kept_credential()
    {
        await using var cloud = await FakeCloud.StartAsync();
        CredentialFile.Write(_directory.Path, new BoxCredential("box-old", "old-secret", "95127-E1", ""));
        var box = new BoxOptions { Id = "box-ferry-1", Secret = "s3cret", SchoolId = "95127-E2", EnrolmentCode = "K7P-4QX-93M", CloudAddress = cloud.Address };

        Assert.Equal(BoxIdentity.Source.Configuration, await Resolve(box, cloud));
        Assert.Equal(("box-ferry-1", "s3cret", "95127-E2"), (box.Id, box.Secret, box.SchoolId));
        Assert.Empty(cloud.EnrolRequests);
    }

    public static TheoryData<StatusCode, string> Refusals => new()
    {
        { StatusCode.NotFound, "Code d'enrôlement inconnu du cloud (code inconnu). Vérifiez qu'il est recopié sans erreur. " },
        { StatusCode.FailedPrecondition, "Code d'enrôlement expiré ou déjà utilisé (code expiré le 31/03/2025). " },
        { StatusCode.PermissionDenied, "Code d'enrôlement refusé par le cloud (code révoqué par un agent). " },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refused_code_is_explained_in_French_and_leaves_no_credential(StatusCode status, string explanation)
    {
        await using var cloud = await FakeCloud.StartAsync();
        var detail = explanation[(explanation.IndexOf('(') + 1)..explanation.IndexOf(')')];
        cloud.Enrolment = _ => throw new RpcException(new Status(status, detail));
        var box = new BoxOptions { EnrolmentCode = "K7P-4QX-93M", CloudAddress = cloud.Address };

        var refused = await Assert.ThrowsAsync<EnrolmentRefusedException>(() => Resolve(box, cloud));

        Assert.Equal(explanation
            + "Demandez à un agent un nouveau code dans /Admin (boîtes de lecture de l'école), mettez-le dans Box__EnrolmentCode "
            + "(/etc/cartevaloise-box.env) puis redémarrez la box (systemctl restart cartevaloise-box).", refused.Message);
        Assert.False(CredentialFile.Exists(_directory.Path));
        Assert.Equal("", box.Id);
    }

    [Fact]
    public async Task A_cloud_out_of_reach_at_boot_is_tried_again_until_it_answers()
    {
        await using var cloud = await FakeCloud.StartAsync();
        var calls = 0;
        cloud.Enrolment = _ => Interlocked.Increment(ref calls) == 1
            ? throw new RpcException(new Status(StatusCode.Unavailable, "le cloud redémarre"))
            : Credential();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var log = new ListLogger<BoxEnrolment>();
        var warned = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        log.Logged += (level, message) =>
        {
            if (level == LogLevel.Warning) warned.TrySetResult(message);
        };
        var box = new BoxOptions { EnrolmentCode = "K7P-4QX-93M", CloudAddress = cloud.Address };

        var resolving = Resolve(box, cloud, time, log);
        Assert.Equal($"Enrôlement : le cloud {cloud.Address} ne répond pas (Unavailable : le cloud redémarre) ; nouvel essai dans 2 s.",
            await warned.Task.WaitAsync(TimeSpan.FromSeconds(15)));
        Assert.False(resolving.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(BoxIdentity.Source.Enrolment, await resolving.WaitAsync(TimeSpan.FromSeconds(15)));
        Assert.Equal("box-95127-E1-2", box.Id);
        Assert.Equal(2, cloud.EnrolRequests.Count);
    }
}
