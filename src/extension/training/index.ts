// Runs in the VS Code extension host: the training view's registration: the side panel, **GradLens: Train AND**,
// **GradLens: Train XOR**, **GradLens: Train .nn.ts File** (also the CodeLens's Train) and **Apply Trained Values
// to File**.
import * as vscode from "vscode";
import { TrainingController } from "./controller";
import { TRAINING_VIEW, TrainingViewProvider } from "./view";

export const TRAIN_AND = "gradlens.trainAnd";
export const TRAIN_XOR = "gradlens.trainXor";
export const TRAIN_FILE = "gradlens.trainFile";
export const APPLY_TRAINED = "gradlens.applyTrainedValues";

export function registerTraining(context: vscode.ExtensionContext): TrainingController {
  const controller = new TrainingController(context);
  const provider = new TrainingViewProvider(context.extensionUri, controller);
  const reveal = () => vscode.commands.executeCommand(`${TRAINING_VIEW}.focus`);
  const report = (e: unknown) => void vscode.window.showErrorMessage(`GradLens: ${e instanceof Error ? e.message : String(e)}`);
  context.subscriptions.push(
    controller,
    vscode.window.registerWebviewViewProvider(TRAINING_VIEW, provider),
    // Each resolves with the snapshot at which the run stopped (done, paused or cancelled), for tests and scripts.
    vscode.commands.registerCommand(TRAIN_AND, async () => {
      await reveal();
      return controller.trainPreset("AND").catch(report);
    }),
    vscode.commands.registerCommand(TRAIN_XOR, async () => {
      await reveal();
      return controller.trainPreset("XOR").catch(report);
    }),
    vscode.commands.registerCommand(TRAIN_FILE, async (uri?: unknown) => {
      const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
      await reveal();
      return controller.trainFile(target).catch(report);
    }),
    vscode.commands.registerCommand(APPLY_TRAINED, () => controller.apply().catch(report)),
  );
  return controller;
}
