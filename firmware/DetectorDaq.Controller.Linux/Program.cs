using DetectorDaq.Controller.Linux;

var host = new ControllerHost(new LinuxBoardBuilder(), Console.Out, Console.Error);
return ControllerCommand.Create(host.RunUntilSignal).Parse(args).Invoke();
