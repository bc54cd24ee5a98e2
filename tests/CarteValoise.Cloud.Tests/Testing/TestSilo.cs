using CarteValoise.Cloud.Identity;
using CarteValoise.Cloud.Tests.Billing;
using CarteValoise.Domain.Access;
using CarteValoise.Grains;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using Xunit;

namespace CarteValoise.Cloud.Tests.Testing;

/// <summary>
/// What every service test's silo shares: one in-process silo with memory storage whose clock is
/// <see cref="Time"/>, session tokens signed with a fixed key, and callers as the portal presents them.
/// The configuration holds the signing key plus the <c>settings</c> a silo needs for its service.
/// </summary>
public abstract class TestSilo(DateTimeOffset clock, params (string Key, string Value)[] settings) : IAsyncLifetime
{
    private InProcessTestCluster cluster = null!;

    public FakeTimeProvider Time { get; } = new(clock);

    public IGrainFactory Grains => cluster.Client;

    protected IConfiguration Configuration { get; } = new ConfigurationBuilder()
        .AddInMemoryCollection([new("Identity:TokenSigningKey", new string('7', 64)), .. settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))])
        .Build();

    protected SessionKey Key { get; private set; } = null!;

    protected SessionTokens Tokens { get; private set; } = null!;

    /// <summary>How long a session given by <see cref="As"/> lasts.</summary>
    protected virtual TimeSpan SessionLength => TimeSpan.FromHours(1);

    public virtual async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(GrainKeys.StorageName);
            silo.Services.AddSingleton<TimeProvider>(Time);
        });
        cluster = builder.Build();
        await cluster.DeployAsync();
        Key = SessionKey.FromConfiguration(Configuration, Path.GetTempPath());
        Tokens = new SessionTokens(Key, Time);
    }

    public virtual Task DisposeAsync() => cluster.DisposeAsync().AsTask();

    public CallContext As(Caller caller) => new(Tokens.Issue(caller, SessionLength).Token);
}
