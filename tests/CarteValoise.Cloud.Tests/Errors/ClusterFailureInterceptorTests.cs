using CarteValoise.Cloud.Services.Errors;
using Grpc.Core;
using Orleans.Storage;
using Xunit;

namespace CarteValoise.Cloud.Tests.Errors;

public sealed class ClusterFailureInterceptorTests
{
    public static TheoryData<Exception> PassingFailures() =>
    [
        new SiloUnavailableException("silo S127.0.0.1:11112 is dead"),
        new TimeoutException("response did not arrive on time"),
        new InconsistentStateException("etag mismatch", "1", "2"),
        new AggregateException(new SiloUnavailableException("inside")),
        new InvalidOperationException("wrapper", new TimeoutException("inside")),
    ];

    [Theory]
    [MemberData(nameof(PassingFailures))]
    public void A_lost_silo_a_timeout_or_a_refused_write_is_said_as_unavailable(Exception failure) =>
        Assert.True(ClusterFailureInterceptor.IsTransient(failure));

    public static TheoryData<Exception> RealRefusals() =>
    [
        new ArgumentException("Le quotient familial 12 500 est hors des bornes admises."),
        new InvalidOperationException("La famille 95127-F999 n'existe pas."),
        new RpcException(new Status(StatusCode.PermissionDenied, "Accès refusé.")),
        new RpcException(new Status(StatusCode.InvalidArgument, "x"), "y"),
    ];

    [Theory]
    [MemberData(nameof(RealRefusals))]
    public void A_refusal_or_a_bug_passes_unchanged(Exception failure) =>
        Assert.False(ClusterFailureInterceptor.IsTransient(failure));
}
