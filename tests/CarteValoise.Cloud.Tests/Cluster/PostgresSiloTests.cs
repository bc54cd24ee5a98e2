using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CarteValoise.Contracts.Accounts;
using CarteValoise.Contracts.Families;
using Grpc.Core;
using Grpc.Net.Client;
using Xunit;
using Xunit.Abstractions;

namespace CarteValoise.Cloud.Tests.Cluster;

/// <summary>
/// A silo in Postgres mode, after `migrate`, as a load balancer, an operator and the clients see it.
/// The demo seed gives the accounts (a parent, an agent, the administrator).
/// </summary>
public sealed class PostgresSiloTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StartupPatience = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(30);
    private const string Parent = "parent.cergy@demo.cartevaloise.fr";
    private const string ParentPassword = "Demo-Parent-2026!";
    private const string Agent = "agent.cergy@demo.cartevaloise.fr";
    private const string AgentPassword = "Demo-Agent-2026!";
    private const string Administrator = "admin@demo.cartevaloise.fr";
    private const string AdministratorPassword = "Demo-Admin-2026!";

    [Fact]
    public async Task Once_active_the_silo_answers_health_OK_and_opens_its_dashboard_to_the_administrator_only()
    {
        await using var database = TestDatabase.Named();
        var settings = await MigratedAsync(database);
        try
        {
            await using var silo = await StartAsync(settings, seedDemo: true, "first start, demo seeded");
            using var http = new HttpClient { BaseAddress = settings.HealthAddress };

            var health = await http.GetAsync("/health");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal("OK", await health.Content.ReadAsStringAsync());

            var anonymous = await http.GetAsync("/dashboard/");
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal("Basic", Assert.Single(anonymous.Headers.WwwAuthenticate).Scheme);
            Assert.Equal(HttpStatusCode.Unauthorized, (await DashboardAsync(http, Parent, ParentPassword)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await DashboardAsync(http, Administrator, "Demo-Admin-2025!")).StatusCode);

            var administrator = await DashboardAsync(http, Administrator, AdministratorPassword);
            Assert.Equal(HttpStatusCode.OK, administrator.StatusCode);
            Assert.Equal("text/html", administrator.Content.Headers.ContentType?.MediaType);
        }
        finally
        {
            RemoveData(settings);
        }
    }

    [Fact]
    public async Task Grain_states_written_through_gRPC_are_in_PostgreSQL_and_survive_a_killed_silo()
    {
        await using var database = TestDatabase.Named();
        var settings = await MigratedAsync(database);
        try
        {
            string familyBefore;
            string boxId;
            await using (var silo = await StartAsync(settings, seedDemo: true, "first start, demo seeded"))
            {
                using var channel = GrpcChannel.ForAddress(settings.GrpcAddress);
                familyBefore = await ReadFamilyAsync(channel);
                var agent = await SignInAsync(channel, Agent, AgentPassword);
                var created = await new Canteen.CanteenClient(channel).CreateBoxAsync(
                    new CreateBoxRequest { SchoolId = "95127-E1", Label = "Réfectoire, entrée B" }, agent, Deadline());
                boxId = created.BoxId;
                await silo.KillAsync();
            }

            // Not seeded this time: whatever it serves comes from PostgreSQL.
            await using (var restarted = await StartAsync(settings, seedDemo: false, "restart after SIGKILL, not seeded"))
            {
                using var http = new HttpClient { BaseAddress = settings.HealthAddress };
                Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
                using var channel = GrpcChannel.ForAddress(settings.GrpcAddress);
                Assert.Equal(familyBefore, await ReadFamilyAsync(channel));
                var agent = await SignInAsync(channel, Agent, AgentPassword);
                var boxes = await new Canteen.CanteenClient(channel).ListBoxesAsync(new ListBoxesRequest { CommuneInseeCode = "95127" }, agent, Deadline());
                var box = Assert.Single(boxes.Boxes, b => b.BoxId == boxId);
                Assert.Equal("Réfectoire, entrée B", box.Label);
                Assert.Equal("95127-E1", box.SchoolId);
            }
        }
        finally
        {
            RemoveData(settings);
        }
    }

    private static async Task<SiloSettings> MigratedAsync(TestDatabase database)
    {
        var migrate = await CloudProcess.RunAsync(SiloSettings.Migration(database.ConnectionString), "migrate");
        Assert.True(migrate.ExitCode == 0, migrate.Dump());
        return SiloSettings.For(database.ConnectionString);
    }

    /// <summary>Started and serving; the time it took is a figure for the report, not an assertion.</summary>
    private async Task<CloudProcess> StartAsync(SiloSettings settings, bool seedDemo, string what)
    {
        var clock = Stopwatch.StartNew();
        var silo = CloudProcess.Start(settings.Environment(seedDemo));
        var ready = await silo.WaitForLineAsync(line => line.StartsWith("CLOUD READY ", StringComparison.Ordinal), "\"CLOUD READY\"", StartupPatience);
        output.WriteLine($"{what}: CLOUD READY after {clock.Elapsed.TotalSeconds:0.0} s");
        // The line names the gRPC address the clients are given, not the health listener.
        Assert.Equal($"CLOUD READY {settings.GrpcAddress.ToString().TrimEnd('/')} data={settings.DataDirectory}", ready);
        return silo;
    }

    private static async Task<string> ReadFamilyAsync(GrpcChannel channel)
    {
        var parent = await SignInAsync(channel, Parent, ParentPassword);
        var family = await new Families.FamiliesClient(channel).GetMyFamilyAsync(new GetMyFamilyRequest(), parent, Deadline());
        return $"{family.FamilyId} {family.FamilyName} ({family.CommuneName}) balance={family.BalanceCents} children=" +
               string.Join(",", family.Children.Select(c => $"{c.ChildId}:{c.FirstName}"));
    }

    private static async Task<Metadata> SignInAsync(GrpcChannel channel, string email, string password)
    {
        var session = await new Accounts.AccountsClient(channel).SignInAsync(new SignInRequest { Email = email, Password = password }, deadline: Deadline());
        return new Metadata { { "authorization", $"Bearer {session.Token}" } };
    }

    private static Task<HttpResponseMessage> DashboardAsync(HttpClient http, string email, string password)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{email}:{password}")));
        return http.SendAsync(request);
    }

    private static DateTime Deadline() => DateTime.UtcNow + CallDeadline;

    private static void RemoveData(SiloSettings settings)
    {
        if (Directory.Exists(settings.DataDirectory)) Directory.Delete(settings.DataDirectory, recursive: true);
    }
}
