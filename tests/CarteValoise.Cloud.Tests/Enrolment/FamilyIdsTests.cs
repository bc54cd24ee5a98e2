using CarteValoise.Cloud.Services.Enrolment;
using Xunit;

namespace CarteValoise.Cloud.Tests.Enrolment;

public sealed class FamilyIdsTests
{
    [Theory]
    [InlineData("1042", "95127-F-1042")]
    [InlineData(" ab-12 ", "95127-F-AB-12")]
    [InlineData("FAM.2019_7", "95127-F-FAM.2019_7")]
    public void An_imported_family_is_named_by_its_commune_and_former_number(string formerNumber, string familyId) =>
        Assert.Equal(familyId, FamilyIds.Imported("95127", formerNumber));

    [Fact]
    public void Former_numbers_differing_only_by_case_are_one_family_as_in_the_import() =>
        Assert.Equal(FamilyIds.Imported("95127", "ab-12"), FamilyIds.Imported("95127", "AB-12"));

    [Fact]
    public void A_former_number_with_other_characters_gets_a_stable_digest_that_keeps_numbers_apart()
    {
        var slash = FamilyIds.Imported("95127", "A/1");
        var space = FamilyIds.Imported("95127", "A 1");

        Assert.Matches("^95127-F-H[0-9A-F]{16}$", slash);
        Assert.Equal(slash, FamilyIds.Imported("95127", "a/1"));
        Assert.NotEqual(slash, space);
        Assert.NotEqual(slash, FamilyIds.Imported("95127", "A-1"));
    }

    [Fact]
    public void The_same_number_in_two_communes_is_two_families() =>
        Assert.NotEqual(FamilyIds.Imported("95127", "1042"), FamilyIds.Imported("95500", "1042"));
}
