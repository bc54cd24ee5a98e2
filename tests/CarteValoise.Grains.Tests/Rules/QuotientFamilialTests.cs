using CarteValoise.Grains.Families;

namespace CarteValoise.Grains.Tests.Rules;

/// <summary>The fixture's clock starts on Thursday 3 December 2026, 12:30 in Paris; other tests move it on.</summary>
[Collection(ClusterCollection.Name)]
public sealed class QuotientFamilialTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_quotient_is_set_with_the_date_of_its_justification()
    {
        var family = await NewFamily(700);

        await family.SetQuotientFamilial(480, new DateOnly(2026, 12, 3));

        var profile = (await family.GetProfile())!;
        Assert.Equal((480, new DateOnly(2026, 12, 3)), (profile.QuotientFamilial, profile.QuotientFamilialJustifiedOn));
    }

    [Theory]
    [InlineData(12500, "2026-11-30", "Le quotient familial 12 500 est hors des bornes admises : il doit être compris entre 0 et 10 000.")]
    [InlineData(-1, "2026-11-30", "Le quotient familial -1 est hors des bornes admises : il doit être compris entre 0 et 10 000.")]
    public async Task A_quotient_out_of_range_or_justified_in_the_future_is_refused_and_nothing_changes(int quotient, string justifiedOn, string refusal)
    {
        var family = await NewFamily(700);
        var before = await family.GetProfile();

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => family.SetQuotientFamilial(quotient, DateOnly.Parse(justifiedOn, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(refusal, refused.Message);
        Assert.Equal(before, await family.GetProfile());
    }

    /// <summary>Tomorrow as the fixture's clock reads it: other tests of the collection move that clock on.</summary>
    [Fact]
    public async Task A_quotient_justified_tomorrow_is_refused_and_nothing_changes()
    {
        var family = await NewFamily(700);
        var before = await family.GetProfile();
        var tomorrow = Domain.Calendar.ServiceDay.Of(fixture.Time.GetUtcNow()).AddDays(1);

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => family.SetQuotientFamilial(480, tomorrow));

        Assert.Equal($"Le justificatif du quotient familial ne peut pas être daté du {Domain.Canteen.FrenchText.Day(tomorrow)}, après aujourd'hui : vérifiez la date du document.", refused.Message);
        Assert.Equal(before, await family.GetProfile());
    }

    [Fact]
    public async Task A_family_registered_with_a_quotient_out_of_range_is_not_created()
    {
        var commune = await new TestCommune(fixture.Grains).Create();
        var familyId = $"{commune.Code}-F001";
        var family = fixture.Grains.GetGrain<IFamilyGrain>(familyId);

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => family.Register(new FamilyProfile(familyId, "Famille 001", commune.Code, 25000, "unused")));

        Assert.Equal("Le quotient familial 25 000 est hors des bornes admises : il doit être compris entre 0 et 10 000.", refused.Message);
        Assert.Null(await family.GetProfile());
        Assert.Empty(await fixture.Grains.GetGrain<Communes.ICommuneGrain>(commune.Code).GetFamilyIds());
    }

    [Fact]
    public async Task A_profile_sent_again_without_the_justification_date_keeps_it()
    {
        var family = await NewFamily(700);
        await family.SetQuotientFamilial(480, new DateOnly(2026, 11, 30));
        var profile = (await family.GetProfile())!;

        await family.Register(profile with { Address = "3 rue des Écoles", QuotientFamilialJustifiedOn = null });

        Assert.Equal(profile with { Address = "3 rue des Écoles" }, await family.GetProfile());
    }

    private async Task<IFamilyGrain> NewFamily(int quotient)
    {
        var commune = await new TestCommune(fixture.Grains).Create();
        return fixture.Grains.GetGrain<IFamilyGrain>(await commune.AddFamily("001", quotient));
    }
}
