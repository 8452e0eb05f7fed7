/** The log group AWS Lambda (and LocalStack, and the embedded Lambda service) writes a function's output to by default. */
export function lambdaLogGroupName(functionName: string): string {
  return `/aws/lambda/${functionName}`;
}
