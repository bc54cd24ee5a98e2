using System.Security.Cryptography;

// Starts the whole platform on the embedded default, with demo data: the silo (which seeds the
// demo département), the portal, the kiosk and two simulated reader boxes tapping demo cards.
var builder = DistributedApplication.CreateBuilder(args);

// Local state lives beside the repository, outside any project, and is ignored by git.
var dataRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "..", ".data"));

// The demo boxes' secrets are made at each start and handed to the silo (which enrols the boxes
// with them) and to each box: no secret is written in the repository.
var demoBoxes = new[]
{
    (Id: "boite-cergy-touleuses", SchoolId: "95127-E1", Secret: Convert.ToHexString(RandomNumberGenerator.GetBytes(16))),
    (Id: "boite-pontoise-piette", SchoolId: "95500-E1", Secret: Convert.ToHexString(RandomNumberGenerator.GetBytes(16))),
};

var cloud = builder.AddProject<Projects.CarteValoise_Cloud>("cloud")
    .WithEnvironment("DataDirectory", Path.Combine(dataRoot, "cloud"))
    .WithEnvironment("Demo__Seed", "true");
for (var i = 0; i < demoBoxes.Length; i++)
{
    cloud.WithEnvironment($"Demo__Boxes__{i}__BoxId", demoBoxes[i].Id)
        .WithEnvironment($"Demo__Boxes__{i}__SchoolId", demoBoxes[i].SchoolId)
        .WithEnvironment($"Demo__Boxes__{i}__Secret", demoBoxes[i].Secret);
}
var cloudAddress = cloud.GetEndpoint("http");

builder.AddProject<Projects.CarteValoise_Portal>("portal")
    .WithEnvironment("Cloud__Address", cloudAddress)
    .WithExternalHttpEndpoints()
    .WaitFor(cloud);

builder.AddProject<Projects.CarteValoise_Kiosk>("kiosk")
    .WithEnvironment("Cloud__Address", cloudAddress)
    .WithExternalHttpEndpoints()
    .WaitFor(cloud);

foreach (var box in demoBoxes)
{
    builder.AddProject<Projects.CarteValoise_Edge>(box.Id)
        .WithEnvironment("Box__Id", box.Id)
        .WithEnvironment("Box__Secret", box.Secret)
        .WithEnvironment("Box__SchoolId", box.SchoolId)
        .WithEnvironment("Box__CloudAddress", cloudAddress)
        .WithEnvironment("Box__DataDirectory", Path.Combine(dataRoot, box.Id))
        .WithEnvironment("Reader__Kind", "Simulated")
        .WithEnvironment("Reader__Simulated__TapsPerSecond", "0.5")
        .WaitFor(cloud);
}

builder.Build().Run();
