using CarteValoise.Domain.Demarches;
using CarteValoise.Grains.Demarches;
using Grpc.Core;

namespace CarteValoise.Cloud.Demarches;

/// <summary>
/// The démarches' refusals as demarches.proto words them: INVALID_ARGUMENT with one French problem
/// per line and the trailer <see cref="FieldsTrailer"/> naming each line's field in the same order
/// (the pages put each message next to its field), FAILED_PRECONDITION for a move the workflow does
/// not allow, PERMISSION_DENIED alike for a request of another commune and one that does not exist.
/// </summary>
public static class DemarcheWireErrors
{
    public const string FieldsTrailer = Household.HouseholdErrors.FieldsTrailer;

    public static RpcException Invalid(IReadOnlyList<DemarcheProblem> problems) =>
        new(new Status(StatusCode.InvalidArgument, string.Join("\n", problems.Select(p => p.Message.Replace('\n', ' ')))),
            new Metadata { { FieldsTrailer, string.Join(",", problems.Select(p => p.Field)) } });

    public static RpcException Invalid(string field, string message) => Invalid([new DemarcheProblem(field, message)]);

    public static RpcException Refused(string message) => new(new Status(StatusCode.FailedPrecondition, message));

    public static RpcException RequestDenied() => new(new Status(StatusCode.PermissionDenied, "Accès refusé à cette demande."));

    public static RpcException CommuneDenied() => new(new Status(StatusCode.PermissionDenied, "Accès refusé aux démarches de cette commune."));

    /// <summary>A grain's refusal said on the wire; anything else passes unchanged.</summary>
    public static async Task<T> Translated<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (DemarcheRefusedException refused)
        {
            throw Refused(refused.Message);
        }
        catch (InvalidDemarcheException invalid)
        {
            throw Invalid(invalid.Problems);
        }
    }
}
