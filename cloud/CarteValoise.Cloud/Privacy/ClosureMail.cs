using System.Text;
using CarteValoise.Cloud.Mail;
using CarteValoise.Domain.Canteen;
using CarteValoise.Domain.Privacy;

namespace CarteValoise.Cloud.Privacy;

/// <summary>
/// The acknowledgement of a closure request, in French: when it takes effect, how to cancel it,
/// what is erased and what is kept, and what to do if the citizen did not ask for it.
/// </summary>
public static class ClosureMail
{
    public const string Subject = "Votre demande de clôture du compte CarteValoise";

    public static OutgoingMail For(string to, string displayName, AccountClosure closure, Uri cancelLink)
    {
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');

        Line($"Bonjour {displayName},");
        Line();
        Line($"Nous avons bien reçu le {FrenchText.DayAndTime(closure.RequestedAt)} votre demande de clôture de votre compte CarteValoise ({to}).");
        Line();
        Line($"Votre compte sera clôturé le {FrenchText.DayAndTime(closure.EffectiveAt)}. Jusque-là, vous pouvez annuler cette demande à tout moment sur la page « Mes données » :");
        Line(cancelLink.ToString());
        Line();
        Line("À la clôture, sont effacés :");
        foreach (var erased in RetentionPolicy.ErasedAtClosure) Line($"- {erased}");
        Line();
        Line("Restent conservés, pour la durée que la loi ou la mission de votre commune impose :");
        foreach (var kept in RetentionPolicy.KeptAfterClosure) Line($"- {kept}");
        Line();
        Line("Avant la clôture, vous pouvez télécharger toutes vos données depuis la page « Mes données ».");
        Line();
        Line("Si vous n'êtes pas à l'origine de cette demande, connectez-vous, annulez-la et changez votre mot de passe.");
        Line();
        Line("CarteValoise — un service des communes du Val-d'Oise.");
        return new OutgoingMail(to, Subject, text.ToString());
    }
}
