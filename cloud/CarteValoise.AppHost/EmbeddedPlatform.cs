/// <summary>The default: one silo on the embedded LiteDB storage, which seeds the demo département.</summary>
internal static class EmbeddedPlatform
{
    public static void Add(IDistributedApplicationBuilder builder, string dataRoot, IReadOnlyList<DemoBox> demoBoxes)
    {
        var cloud = builder.AddProject<Projects.CarteValoise_Cloud>("cloud")
            .WithEnvironment("DataDirectory", Path.Combine(dataRoot, "cloud"))
            .WithEnvironment("Demo__Seed", "true");
        for (var i = 0; i < demoBoxes.Count; i++)
        {
            cloud.WithEnvironment($"Demo__Boxes__{i}__BoxId", demoBoxes[i].Id)
                .WithEnvironment($"Demo__Boxes__{i}__SchoolId", demoBoxes[i].SchoolId)
                .WithEnvironment($"Demo__Boxes__{i}__Secret", demoBoxes[i].Secret);
        }
        var cloudAddress = cloud.GetEndpoint("http");

        var portal = builder.AddProject<Projects.CarteValoise_Portal>("portal")
            .WithEnvironment("Cloud__Address", cloudAddress)
            .WithExternalHttpEndpoints()
            .WaitFor(cloud);
        CitizenSpace.Wire(portal, [cloud]);

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
    }
}
