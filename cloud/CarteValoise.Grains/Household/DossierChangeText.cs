using CarteValoise.Domain.Canteen;
using CarteValoise.Domain.Household;

namespace CarteValoise.Grains.Household;

/// <summary>A request said in one line, as the agents' queue and the citizen's list show it.</summary>
public static class DossierChangeText
{
    public static string Line(DossierChangeSubmission submission) => submission.Kind switch
    {
        DossierChangeKind.Address when submission.NewAddress is { } address => $"Nouvelle adresse : {address}",
        DossierChangeKind.NewChild when submission.NewChild is { } child =>
            $"Nouvel enfant : {child.FullName}, né(e) le {FrenchText.Day(child.BirthDate)}",
        DossierChangeKind.Custody when submission.Custody is { } custody =>
            $"Garde de {custody.ChildName} partagée avec l'autre parent ({custody.Arrangement.Described()})",
        _ => submission.Kind.Label(),
    };
}
