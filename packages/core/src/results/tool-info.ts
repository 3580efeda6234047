/** Who produced a results file: written into JSON and SARIF output. */
export interface ToolInfo {
  name: string;
  version: string;
  informationUri: string;
}

export const VIBEGUARD_INFORMATION_URI = "https://github.com/vibeguard/vibeguard";
