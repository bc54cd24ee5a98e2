using CarteValoise.Readers.Configuration;
using CarteValoise.Readers.Simulated;
using Microsoft.Extensions.Logging;

namespace CarteValoise.Readers;

/// <summary>Builds the reader the configuration asks for.</summary>
public static class CardReaderFactory
{
    public static ICardReader Create(ReaderOptions options, IKnownCards knownCards, TimeProvider time, ILoggerFactory loggers) =>
        options.Kind switch
        {
            ReaderKind.Simulated => new SimulatedCardReader(options.Simulated, knownCards, time, loggers.CreateLogger<SimulatedCardReader>()),
            _ => throw new NotSupportedException(
                $"Le lecteur « {options.Kind} » n'est pas encore pris en charge par cette version de la box ; utilisez Reader:Kind=Simulated."),
        };
}
