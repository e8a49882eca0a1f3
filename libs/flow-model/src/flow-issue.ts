/** One problem in a flow, with the path of the part to fix (e.g. ['nodes', 2, 'config', 'statuses']). */
export interface FlowIssue {
  path: (string | number)[];
  message: string;
}
