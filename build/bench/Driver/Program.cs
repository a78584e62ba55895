// Bench driver. One program, seven modes (build/bench.sh runs each as its own process):
//   sink       — the API's SMTP server for the whole bench; logs "<unix µs> <recipient>" per delivered message.
//   receiver   — a webhook endpoint for the whole bench; logs "<unix µs> <invitee>" per invitation.created received.
//   burst      — creates N invitations at once and reads the sink's (or the receiver's) log to time their emails (events).
//   create     — creates N invitations and lists the addresses that got a 201 (the email-rate backlog).
//   deliveries — waits in the sink's log for those addresses and reports the rate they arrived at.
//   bulk       — one bulk request of N rows: its round trip, then the time to the last of its emails in the sink's log.
//   sweep      — times the service's expiry command (through MediatR) against one raw UPDATE, under a create load.
// Results go to stdout as "name value" lines for the script to collect.
using Bench;

var mode = args.FirstOrDefault();
var options = Options.Parse(args.Skip(1).ToArray());
return mode switch
{
    "sink" => await SinkMode.RunAsync(options),
    "receiver" => await ReceiverMode.RunAsync(options),
    "burst" => await BurstMode.RunAsync(options),
    "create" => await EmailRateMode.CreateAsync(options),
    "deliveries" => await EmailRateMode.DeliveriesAsync(options),
    "sweep" => await SweepMode.RunAsync(options),
    "bulk" => await BulkMode.RunAsync(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Driver sink|receiver|burst|create|deliveries|bulk|sweep --name value ...");
    return 2;
}
