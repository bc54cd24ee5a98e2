using CarteValoise.Readers.Configuration;
using CarteValoise.Readers.Hardware;
using CarteValoise.Readers.KeyboardWedge;
using CarteValoise.Readers.Mfrc522;
using CarteValoise.Readers.Pn532;
using CarteValoise.Readers.Polling;
using CarteValoise.Readers.Simulated;
using Microsoft.Extensions.Logging;

namespace CarteValoise.Readers;

/// <summary>Builds the reader the configuration asks for (Reader:Kind), wired as configured.</summary>
public static class CardReaderFactory
{
    /// <summary>The reader on the board's own buses.</summary>
    public static ICardReader Create(ReaderOptions options, IKnownCards knownCards, TimeProvider time, ILoggerFactory loggers) =>
        Create(options, knownCards, time, loggers, BoardHardware.Instance);

    /// <summary>The reader on the given buses (emulated chips in tests). Nothing is opened until reads are asked for.</summary>
    public static ICardReader Create(ReaderOptions options, IKnownCards knownCards, TimeProvider time, ILoggerFactory loggers, IReaderHardware hardware)
    {
        if (options.Problems() is [var first, ..])
            throw new ArgumentException($"Configuration du lecteur invalide : {first}", nameof(options));
        switch (options.Kind)
        {
            case ReaderKind.Mfrc522:
            {
                var wiring = options.Mfrc522;
                var logger = loggers.CreateLogger("CarteValoise.Readers.Mfrc522");
                return new PolledCardReader(Mfrc522Chip.Describe(wiring), () => Mfrc522Chip.Connect(wiring, hardware, time, logger), options, time, logger);
            }
            case ReaderKind.Pn532:
            {
                var wiring = options.Pn532;
                var logger = loggers.CreateLogger("CarteValoise.Readers.Pn532");
                return new PolledCardReader(Pn532Chip.Describe(wiring), () => Pn532Chip.Connect(wiring, hardware, time, logger), options, time, logger);
            }
            case ReaderKind.KeyboardWedge:
                return new KeyboardWedgeReader(options.KeyboardWedge, options, time, loggers.CreateLogger("CarteValoise.Readers.KeyboardWedge"));
            default:
                return new SimulatedCardReader(options.Simulated, knownCards, time, loggers.CreateLogger<SimulatedCardReader>());
        }
    }
}
