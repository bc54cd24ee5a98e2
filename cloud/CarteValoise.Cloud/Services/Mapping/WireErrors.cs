using Grpc.Core;

namespace CarteValoise.Cloud.Services.Mapping;

/// <summary>The statuses the portal and the kiosk read: their detail is the French text shown to the user.</summary>
public static class WireErrors
{
    /// <summary>Every problem at once, one per line: the pages split the detail on lines and list them.</summary>
    public static RpcException InvalidArgument(IEnumerable<string> problems) =>
        new(new Status(StatusCode.InvalidArgument, string.Join("\n", problems)));

    public static RpcException InvalidArgument(string problem) => InvalidArgument([problem]);

    public static RpcException PermissionDenied(string message) => new(new Status(StatusCode.PermissionDenied, message));
}
