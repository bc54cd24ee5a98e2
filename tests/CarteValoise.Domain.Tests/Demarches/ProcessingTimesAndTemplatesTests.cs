using CarteValoise.Domain.Demarches;

namespace CarteValoise.Domain.Tests.Demarches;

public sealed class ProcessingTimesAndTemplatesTests
{
    [Fact]
    public void Median_and_90th_percentile_are_nearest_ranks()
    {
        double[] days = [1, 2, 2, 3, 4, 5, 7, 8, 12, 30];

        Assert.Equal(4, ProcessingTimes.Percentile(days, 50));
        Assert.Equal(12, ProcessingTimes.Percentile(days, 90));
        Assert.Equal(30, ProcessingTimes.Percentile(days, 100));
        Assert.Equal(1, ProcessingTimes.Percentile(days, 0));
        Assert.Equal(5, ProcessingTimes.Percentile([5], 90));
        Assert.Equal(0, ProcessingTimes.Percentile([], 50));
        Assert.Equal(2, ProcessingTimes.Percentile([1, 2, 3], 50));
    }

    [Fact]
    public void A_template_is_filled_and_an_unknown_key_left_empty()
    {
        var values = new Dictionary<string, string> { ["reference"] = "DEM-95127-2026-000012", ["motif"] = "Pièce illisible" };

        Assert.Equal("Votre demande DEM-95127-2026-000012 attend un complément : Pièce illisible. ",
            TemplateText.Fill("Votre demande {{reference}} attend un complément : {{ motif }}. {{inconnu}}", values));
        Assert.Equal("Rien { à } remplacer {x}", TemplateText.Fill("Rien { à } remplacer {x}", values));
        Assert.Equal(["reference", "motif", "nom-pere"], TemplateText.Keys("{{reference}} {{ motif }} {{reference}} {{nom-pere}}"));
    }
}
