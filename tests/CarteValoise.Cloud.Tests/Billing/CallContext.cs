using Grpc.Core;

namespace CarteValoise.Cloud.Tests.Billing;

/// <summary>A gRPC call as a service sees it, carrying a session token the way the portal sends it.</summary>
public sealed class CallContext(string? token) : ServerCallContext
{
    private readonly Metadata _headers = token is null ? [] : [new Metadata.Entry("authorization", $"Bearer {token}")];

    protected override string MethodCore => "test";
    protected override string HostCore => "localhost";
    protected override string PeerCore => "ipv4:127.0.0.1:1";
    protected override DateTime DeadlineCore => DateTime.MaxValue;
    protected override Metadata RequestHeadersCore => _headers;
    protected override CancellationToken CancellationTokenCore => CancellationToken.None;
    protected override Metadata ResponseTrailersCore { get; } = [];
    protected override Status StatusCore { get; set; }
    protected override WriteOptions? WriteOptionsCore { get; set; }
    protected override AuthContext AuthContextCore { get; } = new(null, []);

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
}
