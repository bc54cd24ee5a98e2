using CarteValoise.Domain.Demarches;
using CarteValoise.Domain.Household;

namespace CarteValoise.Domain.Tests.Demarches;

public sealed class DemarcheReferenceTests
{
    [Fact]
    public void A_request_number_reads_and_writes_like_a_dossier_reference()
    {
        Assert.Equal("DEM-95127-2026-000012", new DemarcheReference("95127", 2026, 12).ToString());
        Assert.True(DemarcheReference.TryParse(" DEM-2A004-2027-000001 ", out var corsica));
        Assert.Equal(new DemarcheReference("2A004", 2027, 1), corsica);
        Assert.False(DemarcheReference.TryParse("DEM-95127-2026-000000", out _));
        Assert.False(DemarcheReference.TryParse("DEM-95127-2026-12", out _));
        Assert.False(DemarcheReference.TryParse("dem-95127-2026-000012", out _));
        Assert.False(DemarcheReference.TryParse(null, out _));
    }

    [Fact]
    public void A_dossier_reference_is_not_a_request_number_nor_the_reverse()
    {
        Assert.False(DemarcheReference.TryParse("DOS-95127-2026-000012", out _));
        Assert.False(DossierReference.TryParse("DEM-95127-2026-000012", out _));
        Assert.True(DossierReference.TryParse("DOS-95127-2026-000012", out var dossier));
        Assert.Equal(new DossierReference("95127", 2026, 12), dossier);
    }
}
