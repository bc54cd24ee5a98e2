using Microsoft.Extensions.Configuration;

// Starts the whole platform with demo data: by default on the embedded default (one silo on a
// LiteDB file); with the "cluster" launch profile (Cluster:Enabled=true), as a cluster of three
// silos on the machine's own PostgreSQL. Either way the portal, the kiosk and two simulated
// reader boxes tapping demo cards.
var builder = DistributedApplication.CreateBuilder(args);

// Local state lives beside the repository, outside any project, and is ignored by git.
var dataRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "..", ".data"));
var demoBoxes = DemoBox.MakeTwo();

if (builder.Configuration.GetValue("Cluster:Enabled", false))
    ClusterPlatform.Add(builder, dataRoot, demoBoxes);
else
    EmbeddedPlatform.Add(builder, dataRoot, demoBoxes);

builder.Build().Run();
