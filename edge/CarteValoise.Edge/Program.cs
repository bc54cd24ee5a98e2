using CarteValoise.Edge.Configuration;
using CarteValoise.Edge.Feedback;
using CarteValoise.Edge.Outbox;
using CarteValoise.Edge.Output;
using CarteValoise.Edge.Roster;
using CarteValoise.Edge.Storage;
using CarteValoise.Edge.Taps;
using CarteValoise.Edge.Uplink;
using CarteValoise.Readers;
using Microsoft.Extensions.Logging.Console;

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
builder.Services.AddSingleton<TapRecorder>();
builder.Services.AddSingleton<ReaderHealth>();
builder.Services.AddSingleton(new BoxOutput(Console.Out));
builder.Services.AddSingleton<IFeedback>(new ConsoleFeedback(Console.Out));
builder.Services.AddSingleton(sp => CardReaderFactory.Create(
    settings.Reader, sp.GetRequiredService<RosterCache>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>()));
builder.Services.AddHostedService<ReaderLoop>();
builder.Services.AddHostedService<CloudUplink>();

using var host = builder.Build();
var logger = host.Services.GetRequiredService<ILogger<Program>>();
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
logger.LogInformation("Box {BoxId} (école {SchoolId}, mode {Mode}) : données dans {DataDirectory}, cloud {Cloud}, version {Version}.",
    box.Id, box.SchoolId, box.Mode, dataDirectory, box.CloudAddress, Wire.SoftwareVersion);

await host.RunAsync();
return 0;
