using CarteValoise.Cloud.Services.Enrolment;
using CarteValoise.Contracts.Enrolment;
using CarteValoise.Domain.Enrolment;
using Xunit;

namespace CarteValoise.Cloud.Tests.Enrolment;

public sealed class FamilyDetailsTests
{
    [Fact]
    public void Details_are_kept_tidy()
    {
        var (details, problems) = FamilyDetails.Read(new SaveFamilyRequest
        {
            Name = "  DUPONT-NGUYEN ", Address = " 3 rue des Lilas \n\n bât. B ", PostalCode = "95120", City = " Ermont",
            Phone = "+33 6 12 34 56 78", Email = "marie.martin@example.fr", LivesOutsideCommune = true,
        });

        Assert.Empty(problems);
        Assert.Equal(new FamilyDetails("DUPONT-NGUYEN", "3 rue des Lilas\nbât. B", "95120", "Ermont", "06 12 34 56 78", "marie.martin@example.fr", true), details);
    }

    [Fact]
    public void Only_the_name_is_required()
    {
        var (details, problems) = FamilyDetails.Read(new SaveFamilyRequest { Name = "Martin" });

        Assert.Empty(problems);
        Assert.Equal(new FamilyDetails("Martin", "", "", "", "", "", false), details);
    }

    [Fact]
    public void Every_problem_is_given_at_once_in_french()
    {
        var (details, problems) = FamilyDetails.Read(new SaveFamilyRequest
        {
            Name = "   ", PostalCode = "9512", Phone = "01 34 56", Email = "marie.martin@", City = new string('x', 101),
        });

        Assert.Null(details);
        Assert.Equal(
            [
                "Le nom de famille est obligatoire.",
                "Le code postal « 9512 » doit compter 5 chiffres, par exemple 95000.",
                "La ville ne doit pas dépasser 100 caractères.",
                "Le numéro de téléphone « 01 34 56 » n'est pas valide : 10 chiffres, par exemple 01 34 56 78 90.",
                "L'adresse électronique « marie.martin@ » n'est pas valide (par exemple marie.martin@example.fr).",
            ],
            problems);
    }

    [Theory]
    [InlineData("0134567890", "01 34 56 78 90")]
    [InlineData("01.34.56.78.90", "01 34 56 78 90")]
    [InlineData("0033 6 98 76 54 32", "06 98 76 54 32")]
    [InlineData("00 34 56 78 90", null)]
    [InlineData("01 34 56 78 9O", null)]
    public void Telephone_numbers_as_people_write_them(string written, string? kept) => Assert.Equal(kept, ContactDetails.Phone(written));
}
