using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using ProtoService = Google.Protobuf.Reflection.ServiceDescriptor;

namespace CarteValoise.Web.Cloud;

/// <summary>
/// How the channels to the cloud are built from <c>Cloud:Address</c>: one address (the cloud, or a
/// load balancer in front of its silos) stays a plain address; several, separated by commas, are
/// the silos themselves, balanced by the gRPC client: a static resolver over them and round_robin.
/// Round robin rather than pick_first: it keeps a connection ready to every silo and spreads the
/// pages over them, so when a silo goes away only the calls in flight on it are hit (and retried on
/// another), and a silo listed but down is never picked, instead of each channel trying the list
/// in order, dead ones first, after every loss.
/// </summary>
public sealed class CloudChannel
{
    /// <summary>The static resolver's scheme: the channel's address when the silos are listed.</summary>
    public const string ListScheme = "static";

    private CloudChannel(Uri address, IReadOnlyList<Uri> silos) => (Address, Silos) = (address, silos);

    /// <summary>What the channels are created for: the one address, or <c>static:///cloud</c> for a list.</summary>
    public Uri Address { get; }

    /// <summary>The silos of a list, in the order given; the one address otherwise.</summary>
    public IReadOnlyList<Uri> Silos { get; }

    public bool IsList => Address.Scheme == ListScheme;

    /// <summary>Plain http on a trusted network: HTTP/2 with prior knowledge, and call credentials allowed on it explicitly.</summary>
    public bool IsPlainHttp => Silos[0].Scheme == Uri.UriSchemeHttp;

    /// <exception cref="InvalidOperationException">A missing or malformed address, said in French and English, for whoever deploys the site.</exception>
    public static CloudChannel Parse(string? configured)
    {
        var entries = (configured ?? "").Split(',', StringSplitOptions.TrimEntries);
        var silos = new List<Uri>();
        foreach (var entry in entries)
        {
            if (!Uri.TryCreate(entry, UriKind.Absolute, out var silo) || (silo.Scheme != Uri.UriSchemeHttp && silo.Scheme != Uri.UriSchemeHttps))
            {
                var place = $"adresse {silos.Count + 1} sur {entries.Length}";
                var which = entries.Length == 1 ? "" : entry.Length == 0 ? $" ({place} vide)" : $" (« {entry} », {place})";
                throw new InvalidOperationException(
                    $"Cloud:Address doit être l'adresse http(s) du cloud, par exemple http://127.0.0.1:5100, ou celles de ses silos séparées par des virgules{which}. "
                    + $"Cloud:Address must be the cloud's http(s) address, e.g. http://127.0.0.1:5100, or its silos' addresses separated by commas (got '{configured}').");
            }
            silos.Add(silo);
        }
        if (silos.Select(s => s.Scheme).Distinct().Count() > 1)
            throw new InvalidOperationException(
                $"Cloud:Address : les silos d'une liste sont tous en http ou tous en https. "
                + $"Cloud:Address: the silos of a list are all http or all https (got '{configured}').");
        return silos.Count == 1 ? new CloudChannel(silos[0], silos) : new CloudChannel(new Uri($"{ListScheme}:///cloud"), silos);
    }

    /// <summary>The largest answer the web apps take from the cloud.</summary>
    public const int MaxReceiveBytes = 16 * 1024 * 1024;

    /// <summary>The resolver a list needs, to register with the services (the client factory hands them to each channel).</summary>
    public ResolverFactory? Resolver() => IsList
        ? new StaticResolverFactory(_ => Silos.Select(s => new BalancerAddress(s.Host, s.Port)).ToArray())
        : null;

    /// <param name="services">The cloud's services the portal calls, whose reads and operation-id writes are retried.</param>
    public void Configure(GrpcChannelOptions channel, IEnumerable<ProtoService> services)
    {
        channel.UnsafeUseInsecureChannelCallCredentials = IsPlainHttp;
        // A request's document (a safe's file, 10 Mo at most, or a PDF of the commune) comes back as
        // one message: beyond gRPC's default 4 Mo it would be refused on the way.
        channel.MaxReceiveMessageSize = MaxReceiveBytes;
        // A listed address carries no scheme to the connections: the credentials say http or https.
        if (IsList) channel.Credentials = IsPlainHttp ? ChannelCredentials.Insecure : ChannelCredentials.SecureSsl;
        var config = new ServiceConfig();
        if (IsList) config.LoadBalancingConfigs.Add(new RoundRobinConfig());
        config.MethodConfigs.Add(new MethodConfig
        {
            // A silo lost under a call: up to two more tries, on another silo (or through the load balancer again).
            RetryPolicy = new RetryPolicy
            {
                MaxAttempts = 3,
                InitialBackoff = TimeSpan.FromMilliseconds(100),
                MaxBackoff = TimeSpan.FromSeconds(1),
                BackoffMultiplier = 2,
                RetryableStatusCodes = { StatusCode.Unavailable },
            },
        });
        foreach (var method in services.SelectMany(s => s.Methods).Where(SafeToRepeat))
            config.MethodConfigs[0].Names.Add(new MethodName { Service = method.Service.FullName, Method = method.Name });
        channel.ServiceConfig = config;
    }

    /// <summary>
    /// gRPC retries a call that failed UNAVAILABLE before any answer came back — but the request
    /// may have reached a silo that died before answering. So only what may run twice is retried:
    /// reads (Get…, List…, WhoAmI, and signing in, which only issues another token), and the writes
    /// that carry an operation id, which the cloud applies once. Streams are never retried (an
    /// upload bigger than the retry buffer could not be replayed anyway).
    /// </summary>
    public static bool SafeToRepeat(MethodDescriptor method) =>
        !method.IsClientStreaming && !method.IsServerStreaming
        && (method.Name.StartsWith("Get", StringComparison.Ordinal)
            || method.Name.StartsWith("List", StringComparison.Ordinal)
            || method.Name is "WhoAmI" or "SignIn" or "SignInWithCard"
            || method.InputType.FindFieldByName("operation_id") is not null);
}
