using CarteValoise.Cloud.Demo;
using CarteValoise.Cloud.Identity;
using CarteValoise.Cloud.Recovery;
using CarteValoise.Cloud.Services;
using CarteValoise.Cloud.Services.Enrolment;
using CarteValoise.Cloud.Storage;
using CarteValoise.Domain.Boxes;
using CarteValoise.Grains.Devices;
using Microsoft.AspNetCore.Server.Kestrel.Core;

var builder = WebApplication.CreateBuilder(args);
var configuration = builder.Configuration;
var dataDirectory = Path.GetFullPath(configuration["DataDirectory"] ?? "data");
Directory.CreateDirectory(dataDirectory);

// The silo serves gRPC only, over HTTP/2 without TLS on loopback (prior knowledge): reader boxes,
// the portal and the kiosk all speak gRPC; TLS is terminated in front of it in a deployment.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = HttpProtocols.Http2));

builder.UseOrleans(silo =>
{
    silo.UseLocalhostClustering(
        siloPort: configuration.GetValue("Orleans:SiloPort", 11111),
        gatewayPort: configuration.GetValue("Orleans:GatewayPort", 30000));
    silo.AddCarteGrainStorage(configuration, dataDirectory);
});

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.Configure<DeviceJournalOptions>(options =>
    options.CheckpointEvery = TimeSpan.FromSeconds(configuration.GetValue("Boxes:CheckpointSeconds", 1.0)));
builder.Services.AddSingleton(SessionKey.FromConfiguration(configuration, dataDirectory));
builder.Services.AddSingleton<SessionTokens>();
builder.Services.AddSingleton<PasswordHasher>();
builder.Services.AddSingleton<CallerResolver>();
builder.Services.AddSingleton<AccessLog>();
builder.Services.AddSingleton<FamilySummaryReader>();
builder.Services.AddSingleton<DossierReader>();
builder.Services.AddSingleton<FamilyIds>();
builder.Services.AddSingleton<ImportStore>();
builder.Services.AddSingleton<FamilyImportWriter>();
builder.Services.AddSingleton(new BoxHealthThresholds(
    TimeSpan.FromSeconds(configuration.GetValue("Boxes:SilentAfterSeconds", BoxHealthThresholds.Default.SilentAfter.TotalSeconds)),
    TimeSpan.FromSeconds(configuration.GetValue("Boxes:BacklogAfterSeconds", BoxHealthThresholds.Default.BacklogAfter.TotalSeconds)),
    configuration.GetValue("Boxes:BacklogDepth", BoxHealthThresholds.Default.BacklogDepth)));
builder.Services.AddGrpc();
// Registered after UseOrleans so that they start once the silo is up, and before the web server
// starts listening, so that no call reaches a half-recovered or half-seeded platform.
builder.Services.AddHostedService<PendingTapsRecovery>();
if (configuration.GetValue("Demo:Seed", false)) builder.Services.AddHostedService<DemoSeeder>();

var app = builder.Build();
app.MapGrpcService<AccountsService>();
app.MapGrpcService<FamiliesService>();
app.MapGrpcService<CanteenService>();
app.MapGrpcService<EdgeSyncService>();
app.MapGrpcService<EnrolmentService>();
app.MapGrpcService<CarteValoise.Cloud.Services.Rules.CanteenRulesService>();
app.MapGrpcService<CarteValoise.Cloud.Services.Reservations.ReservationsService>();
app.MapGrpcService<CarteValoise.Cloud.Services.Reports.CanteenReportsService>();
app.MapGrpcService<CarteValoise.Cloud.Services.Billing.BillingService>();

app.Lifetime.ApplicationStarted.Register(() =>
    // A fixed line that scripts and tests wait for: the silo is up, seeded and listening.
    Console.WriteLine($"CLOUD READY {string.Join(' ', app.Urls)} data={dataDirectory}"));
app.Run();
