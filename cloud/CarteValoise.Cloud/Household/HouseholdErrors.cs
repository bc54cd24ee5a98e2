using CarteValoise.Domain.Household;
using Grpc.Core;

namespace CarteValoise.Cloud.Household;

/// <summary>
/// The household's refusals on the wire: INVALID_ARGUMENT with one French problem per line (as
/// WireErrors words every refusal), and the trailer <see cref="FieldsTrailer"/> naming, in the same
/// order, the form field of each line, so that the page puts each message next to its field.
/// </summary>
public static class HouseholdErrors
{
    public const string FieldsTrailer = "carte-problem-fields";

    public static RpcException Invalid(IReadOnlyList<HouseholdProblem> problems) =>
        new(new Status(StatusCode.InvalidArgument, string.Join("\n", problems.Select(p => p.Message.Replace('\n', ' ')))),
            new Metadata { { FieldsTrailer, string.Join(",", problems.Select(p => p.Field)) } });

    public static RpcException Invalid(string field, string message) => Invalid([new HouseholdProblem(field, message)]);

    /// <summary>A request that cannot go on as it stands (decided already…): said as it is, nothing changed.</summary>
    public static RpcException Refused(string message) => new(new Status(StatusCode.FailedPrecondition, message));

    public static RpcException NoHousehold() =>
        Refused("Vous n'avez pas encore de dossier famille : créez-le d'abord dans « Mon dossier ».");

    /// <summary>An unknown request and one of another commune look the same: nothing tells that it exists.</summary>
    public static RpcException RequestDenied() => new(new Status(StatusCode.PermissionDenied, "Accès refusé à cette demande."));
}
