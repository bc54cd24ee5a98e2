using CarteValoise.Cloud.OnlinePayment;
using CarteValoise.Domain.Payments;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace CarteValoise.Cloud.Tests.OnlinePayment;

public sealed class PayFiPSettingsTests
{
    private static PayFiPSettings From(params (string Key, string Value)[] settings) =>
        PayFiPSettings.From(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    [Fact]
    public void Without_settings_PayFiP_is_the_treasurys_in_test_mode_with_the_demo_regie()
    {
        var settings = From();

        Assert.Equal(("https://www.payfip.gouv.fr/tpa/services/securite", "https://www.payfip.gouv.fr/tpa/paiementws.web", PayFiPMode.Test, TimeSpan.FromSeconds(15), "012345"),
            (settings.SoapUrl.AbsoluteUri, settings.PaymentPageUrl.AbsoluteUri, settings.Saisie, settings.Timeout, settings.NumcliFor("95127")));
        Assert.Equal("https://www.payfip.gouv.fr/tpa/paiementws.web?idop=c2b0a2f4-3f5e-4a39-9d4e-0d4b2f6f8a11",
            settings.PaymentPage("c2b0a2f4-3f5e-4a39-9d4e-0d4b2f6f8a11").AbsoluteUri);
    }

    [Fact]
    public void Each_commune_has_its_regie_and_the_others_the_default_one()
    {
        var settings = From(("PayFiP:Communes:95018:Numcli", "654321"), ("PayFiP:Numcli", "111111"), ("PayFiP:Saisie", "W"),
            ("PayFiP:SoapUrl", "http://127.0.0.1:5200/bac-a-sable/payfip/tpa/services/securite"));

        Assert.Equal(("654321", "111111", PayFiPMode.Production), (settings.NumcliFor("95018"), settings.NumcliFor("95127"), settings.Saisie));
        Assert.Equal("http://127.0.0.1:5200/bac-a-sable/payfip/tpa/services/securite", settings.SoapUrl.AbsoluteUri);
    }

    [Theory]
    [InlineData("PayFiP:Saisie", "M", "PayFiP:Saisie doit valoir T (test), X (activation) ou W (production), pas « M ».")]
    [InlineData("PayFiP:Communes:95018:Numcli", "12345", "Le numéro de régie PayFiP de 95018 doit compter 6 chiffres (« 12345 »).")]
    [InlineData("PayFiP:SoapUrl", "payfip.gouv.fr", "PayFiP:SoapUrl doit être une adresse http(s) absolue (« payfip.gouv.fr »).")]
    [InlineData("PayFiP:TimeoutSeconds", "0", "PayFiP:TimeoutSeconds doit être un nombre de secondes positif (« 0 »).")]
    public void A_setting_that_cannot_work_stops_the_silo_saying_which(string key, string value, string said)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => From((key, value)));

        Assert.StartsWith(said, refused.Message);
    }
}
