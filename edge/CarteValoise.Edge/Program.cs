using System.Runtime.InteropServices;
using CarteValoise.Edge.Configuration;
using CarteValoise.Edge.Enrolment;
using CarteValoise.Edge.Feedback;
using CarteValoise.Edge.Outbox;
using CarteValoise.Edge.Output;
using CarteValoise.Edge.Roster;
using CarteValoise.Edge.Simulation;
using CarteValoise.Edge.Storage;
using CarteValoise.Edge.Taps;
using CarteValoise.Edge.Uplink;
using CarteValoise.Readers;
using Microsoft.Extensions.Logging.Console;

if (args.Length > 0 && args[0] == "simulate") return await SimulateCommand.RunAsync(args[1..]);

// The school reader box. Configuration: appsettings.json beside the program, then the
// environment (Box__Id, Box__Secret, Box__CloudAddress…), then the command line.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = args,
    // appsettings.json is found beside the program whatever the current directory (systemd, tests).
    ContentRootPath = AppContext.BaseDirectory,
});
// Standard output is for the lines machines parse (BOX READY, TAP, ACK, ROSTER) and the staff's
// feedback; every log goes to standard error.
builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
// Type=notify under systemd: READY once the host has started; journal-friendly log lines.
builder.Services.AddSystemd();

if (!BoxSettings.TryRead(builder.Configuration, out var settings, out var problems))
{
    Console.Error.WriteLine("La box ne peut pas démarrer : configuration incomplète ou invalide.");
    foreach (var problem in problems) Console.Error.WriteLine($" - {problem}");
    return 2;
}
var box = settings.Box;
var dataDirectory = Path.GetFullPath(box.DataDirectory);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(box);
builder.Services.AddSingleton(settings.Reader);
builder.Services.AddSingleton(sp => BoxStore.Open(dataDirectory, sp.GetRequiredService<ILogger<BoxStore>>()));
builder.Services.AddSingleton<TapOutbox>();
builder.Services.AddSingleton<RosterCache>();
builder.Services.AddSingleton(sp => new TapRecorder(sp.GetRequiredService<BoxStore>(), sp.GetRequiredService<TapOutbox>(), box.Mode));
builder.Services.AddSingleton<ReaderHealth>();
builder.Services.AddSingleton(new BoxOutput(Console.Out));
builder.Services.AddSingleton<IFeedback>(sp => FeedbackFactory.Create(
    settings.Feedback, Console.Out, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>()));
builder.Services.AddSingleton<ICardReader>(sp => new ReopeningCardReader(settings.Reader.Kind.ToString(), () => CardReaderFactory.Create(
    settings.Reader, sp.GetRequiredService<RosterCache>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>())));
builder.Services.AddHostedService<ReaderLoop>();
builder.Services.AddHostedService<CloudUplink>();

using var host = builder.Build();
var logger = host.Services.GetRequiredService<ILogger<Program>>();

try
{
    await ResolveIdentityAsync();
}
catch (EnrolmentRefusedException ex)
{
    Console.Error.WriteLine($"La box ne peut pas démarrer : {ex.Message}");
    return 4;
}
catch (OperationCanceledException)
{
    return 0;
}
catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
{
    Console.Error.WriteLine($"La box ne peut pas démarrer : identité illisible ou impossible à enregistrer dans {dataDirectory} ({ex.Message}).");
    return 3;
}

try
{
    host.Services.GetRequiredService<BoxStore>();
    await host.Services.GetRequiredService<RosterCache>().LoadAsync();
}
catch (IOException ex)
{
    Console.Error.WriteLine($"La box ne peut pas démarrer : le dossier de données {dataDirectory} est inaccessible ou déjà utilisé par une autre box ({ex.Message}).");
    return 3;
}
catch (LiteDB.LiteException ex)
{
    Console.Error.WriteLine($"La box ne peut pas démarrer : le fichier {Path.Combine(dataDirectory, BoxStore.DataFileName)} est illisible ({ex.Message}).");
    return 3;
}
logger.LogInformation("Box {BoxId} (école {SchoolId}, mode {Mode}) : données dans {DataDirectory}, cloud {Cloud}, lecteur {Reader}, retours {Feedback}, version {Version}.",
    box.Id, box.SchoolId, box.Mode, dataDirectory, box.CloudAddress, settings.Reader.Kind, settings.Feedback.Kind, Wire.SoftwareVersion);

await host.RunAsync();
return 0;

// Before the host runs, so SIGTERM (systemctl stop) must be caught here: an enrolment waiting
// for the network would otherwise ignore it until systemd kills it.
async Task ResolveIdentityAsync()
{
    using var stopping = new CancellationTokenSource();
    using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
    {
        context.Cancel = true;
        stopping.Cancel();
    });
    using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
    {
        context.Cancel = true;
        stopping.Cancel();
    });
    var enrolment = new BoxEnrolment(box.CloudAddress, TimeProvider.System, logger);
    var source = await BoxIdentity.ResolveAsync(box, dataDirectory, enrolment.EnrolAsync, logger, stopping.Token);
    if (source == BoxIdentity.Source.CredentialFile)
        logger.LogInformation("Identité de la box lue dans {Path}.", CredentialFile.PathIn(dataDirectory));
}
