namespace CarteValoise.Edge.Configuration;

/// <summary>The "Box" configuration section: who this box is, where the cloud is, where it keeps its data.</summary>
public sealed class BoxOptions
{
    public const string Section = "Box";

    /// <summary>Issued at enrolment; sent as x-box-id. When set (with <see cref="Secret"/>) it wins over the credential file.</summary>
    public string Id { get; set; } = "";

    /// <summary>Issued at enrolment; sent as x-box-secret. From the environment, never the repository.</summary>
    public string Secret { get; set; } = "";

    /// <summary>
    /// The one-time code an agent made for this box in /Admin. Used only while the data directory
    /// holds no credential: the box exchanges it for its id and secret, keeps them, and never needs it again.
    /// </summary>
    public string EnrolmentCode { get; set; } = "";

    /// <summary>
    /// The cloud's gRPC address, e.g. http://127.0.0.1:5080 (HTTP/2 without TLS on a trusted
    /// network), or the addresses of several silos separated by commas (see <see cref="CloudAddresses"/>).
    /// </summary>
    public string CloudAddress { get; set; } = "";

    public string SchoolId { get; set; } = "";

    /// <summary>Where the outbox, the roster and the credential live. On a Raspberry Pi: /var/lib/cartevaloise-box.</summary>
    public string DataDirectory { get; set; } = "./data/box";

    public BoxMode Mode { get; set; } = BoxMode.Canteen;

    /// <summary>The same card within this many seconds is one tap.</summary>
    public double DebounceSeconds { get; set; } = 2;

    public UplinkOptions Uplink { get; set; } = new();
}

public enum BoxMode
{
    /// <summary>One meal per child per day.</summary>
    Canteen,

    /// <summary>Périscolaire: a child's taps alternate between arrival (check-in) and departure (check-out), with their times.</summary>
    Care,
}

/// <summary>The "Box:Uplink" section: how the box talks to the cloud. The defaults suit a school.</summary>
public sealed class UplinkOptions
{
    public int BatchSize { get; set; } = 200;

    /// <summary>Taps sent but not yet acknowledged before the box waits for the cloud to catch up.</summary>
    public int MaxUnacknowledged { get; set; } = 5_000;

    /// <summary>How long new taps wait for company before a partial batch goes (0: at once).</summary>
    public int LingerMilliseconds { get; set; } = 20;

    public double HeartbeatSeconds { get; set; } = 30;

    public double InitialBackoffSeconds { get; set; } = 1;

    public double MaxBackoffSeconds { get; set; } = 60;

    /// <summary>After the cloud refuses the box's credentials: retrying fast would only fill the logs.</summary>
    public double RefusedBackoffSeconds { get; set; } = 300;
}
