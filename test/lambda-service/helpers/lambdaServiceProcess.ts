import { startLambdaService } from '../../../harness/lambda-service/startLambdaService.ts';

// The Lambda service in a process of its own, whose environment the test chooses (a canary secret, say):
// it says its URL on the IPC channel and closes when the channel does.
const service = await startLambdaService();
process.send?.({ url: service.url });
process.once('disconnect', () => {
  void service.close().then(() => process.exit(0));
});
