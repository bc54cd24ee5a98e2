using CarteValoise.Cloud.Cluster;
using CarteValoise.Cloud.Demarches;
using CarteValoise.Cloud.Demo;
using CarteValoise.Cloud.Health;
using CarteValoise.Cloud.DocumentSafe;
using CarteValoise.Cloud.Household;
using CarteValoise.Cloud.Identity;
using CarteValoise.Cloud.Identity.FranceConnect;
using CarteValoise.Cloud.Mail;
using CarteValoise.Cloud.OnlinePayment;
using CarteValoise.Cloud.Privacy;
using CarteValoise.Cloud.Migrations;
using CarteValoise.Cloud.Recovery;
using CarteValoise.Cloud.Services;
using CarteValoise.Cloud.Services.Enrolment;
using CarteValoise.Cloud.Storage;
using CarteValoise.Domain.Boxes;
using CarteValoise.Grains.Devices;
using Microsoft.AspNetCore.Server.Kestrel.Core;

var builder = WebApplication.CreateBuilder(args);
var configuration = builder.Configuration;

// The executable's commands, one line each, read the same configuration as the silo; without a
// command it runs the silo.
switch (args.FirstOrDefault())
{
    case "migrate": return await MigrateCommand.RunAsync(configuration, TimeProvider.System, Console.Out, Console.Error, CancellationToken.None);
    case "export": return await CarteValoise.Cloud.Migration.ExportCommand.RunAsync(args);
    case "import": return await CarteValoise.Cloud.Migration.ImportCommand.RunAsync(args);
}

// In a PostgreSQL cluster, a silo starts only on the schema it was built for.
if (await SchemaVersionCheck.RefusalAsync(configuration, Console.Error, CancellationToken.None) is { } refusal) return refusal;

var dataDirectory = Path.GetFullPath(configuration["DataDirectory"] ?? "data");
Directory.CreateDirectory(dataDirectory);

// The silo serves gRPC over HTTP/2 without TLS (prior knowledge): reader boxes, the portal and the
// kiosk all speak gRPC; TLS is terminated in front of it in a deployment. The health listener, when
// configured, is the one HTTP/1.1 endpoint.
var health = HealthListener.From(configuration);
health?.AddTo(builder);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(endpoint =>
    endpoint.Protocols = health?.Listens(endpoint) == true ? HttpProtocols.Http1 : HttpProtocols.Http2));

try
{
    builder.UseOrleans(silo =>
    {
        silo.UseCarteClustering(configuration);
        silo.AddCarteGrainStorage(configuration, dataDirectory);
        if (health is not null) silo.AddCarteDashboard();
    });
}
catch (ClusterConfigurationException problem)
{
    Console.Error.WriteLine(problem.Message);
    return CloudExitCodes.Configuration;
}

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
builder.Services.AddGrpc(grpc => grpc.Interceptors.Add<CarteValoise.Cloud.Services.Errors.ClusterFailureInterceptor>());
// The citizen's space, an area each: mail, accounts, FranceConnect, document safe, household
// dossier, online payment, "Mes données"; the démarches.
builder.Services.AddSingleton<CarteValoise.Cloud.Mail.PortalLinks>();
builder.Services.AddCarteMail(configuration, dataDirectory);
builder.Services.AddAccounts(configuration, dataDirectory);
builder.Services.AddFranceConnect(configuration, dataDirectory);
builder.Services.AddDocumentSafe(configuration, dataDirectory);
builder.Services.AddHousehold(configuration, dataDirectory);
builder.Services.AddPayments(configuration, dataDirectory);
builder.Services.AddPersonalData(configuration, dataDirectory);
builder.Services.AddDemarches(configuration, dataDirectory);
// Registered after UseOrleans so that they start once the silo is up, and before the web server
// starts listening, so that no call reaches a half-recovered or half-seeded platform.
builder.Services.AddHostedService<PendingTapsRecovery>();
if (PostgresSettings.IsSelected(configuration)) builder.Services.AddHostedService<StalePoolEviction>();
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
app.MapCarteMail();
app.MapAccounts();
app.MapFranceConnect();
app.MapDocumentSafe();
app.MapHousehold();
app.MapPayments();
app.MapPersonalData();
app.MapDemarches();
if (health is not null)
{
    app.MapCarteHealth(health);
    app.MapCarteDashboard(health);
}

app.Lifetime.ApplicationStarted.Register(() =>
    // A fixed line that scripts and tests wait for: the silo is up, seeded and listening. It names
    // the gRPC addresses only, those clients are given.
    Console.WriteLine($"CLOUD READY {string.Join(' ', app.Urls.Where(url => health?.IsOwnUrl(url) != true))} data={dataDirectory}"));
await app.RunAsync();
return 0;
