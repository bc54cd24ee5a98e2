using System.Net;
using CarteValoise.Contracts.Households;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using Grpc.Net.Client;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.Web.Household;

/// <summary>
/// The demo Cergy parent's dossier, prefilled from the commune's family (address, phone, children and
/// their school) by the demo seed, as the page shows it and as a request form would prefill from it.
/// Read only: the demo stays as it is for the other tests.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class DemoDossierTests(PlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public Task The_demo_parents_dossier_is_prefilled_from_their_family_and_prefills_requests() => platform.RunAsync(output, async () =>
    {
        using var cloud = new CloudApi(await platform.CloudAsync());
        using var channel = GrpcChannel.ForAddress(await platform.CloudAsync());
        var households = new CarteValoise.Contracts.Households.Households.HouseholdsClient(channel);
        var parent = await cloud.SignInAsync(Demo.CergyParent, Demo.ParentPassword);

        var household = await households.GetMyHouseholdAsync(new GetMyHouseholdRequest(), parent, CloudApi.Deadline);

        Assert.True(household.Exists);
        Assert.Equal((Demo.CergyFamily, Demo.Cergy, "Cergy"), (household.FamilyId, household.CommuneInseeCode, household.CommuneName));
        Assert.Equal(new HouseholdAddress { Street = "4 rue de la République", PostalCode = "95000", City = "Cergy" }, household.Address);
        var me = Assert.Single(household.Adults);
        Assert.Equal(("Claire", "Martin", "Parent", Demo.CergyParent, "06 39 98 10 01", "1234567", true),
            (me.FirstName, me.LastName, me.RelationshipLabel, me.Email, me.Phone, me.CafNumber, me.IsMe));
        Assert.Equal([("Inès", "2017-12-26"), ("Lucas", "2018-09-19")], household.Children.Select(c => (c.FirstName, c.BirthDate)));
        Assert.All(household.Children, c => Assert.Equal(("Martin", "École élémentaire des Touleuses", false), (c.LastName, c.School, c.SharedCustody)));

        var prefill = await households.GetHouseholdPrefillAsync(new GetHouseholdPrefillRequest(), parent, CloudApi.Deadline);
        var fields = prefill.Fields.ToDictionary(f => f.Key, f => f.Value);
        Assert.Equal("Martin", fields["demandeur.nom"]);
        Assert.Equal("Claire", fields["demandeur.prenom"]);
        Assert.Equal("4 rue de la République", fields["adresse.voie"]);
        Assert.Equal("95000", fields["adresse.code-postal"]);
        Assert.Equal("Lucas", fields["enfant2.prenom"]);
        Assert.Equal("2018-09-19", fields["enfant2.date-naissance"]);
        Assert.Equal("Nom du demandeur", prefill.Fields.Single(f => f.Key == "demandeur.nom").Label);

        using var web = new WebSession(await platform.PortalAsync());
        await web.SignInAsync(Demo.CergyParent, Demo.ParentPassword);
        var page = await web.GetAsync("/Dossier");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Adresse 4 rue de la République 95000 Cergy", page.Text);
        Assert.Contains("Claire Martin (vous)", page.Text);
        Assert.Contains("Inès Martin Date de naissance 26/12/2017 École École élémentaire des Touleuses", page.Text);
    });
}
