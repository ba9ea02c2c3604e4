// Runs in the VS Code extension host: the training view's registration: the side panel, **GradLens: Train AND**,
// **GradLens: Train XOR**, **GradLens: Train Model File** (also the CodeLens's Train) and **Apply Trained Values
// to File**.
import * as vscode from "vscode";
import type { DocumentService } from "../editor/service";
import type { EvaluatorPool } from "../evaluation/pool";
import { COMMANDS, TRAINING_VIEW } from "../ids";
import { TrainingController } from "./controller";
import { TrainingViewProvider } from "./view";

export function registerTraining(context: vscode.ExtensionContext, pool: EvaluatorPool, service: DocumentService): void {
  const controller = new TrainingController(context, pool, service);
  const provider = new TrainingViewProvider(context.extensionUri, controller);
  const reveal = () => vscode.commands.executeCommand(`${TRAINING_VIEW}.focus`);
  const report = (e: unknown) => void vscode.window.showErrorMessage(`GradLens: ${e instanceof Error ? e.message : String(e)}`);
  context.subscriptions.push(
    controller,
    vscode.window.registerWebviewViewProvider(TRAINING_VIEW, provider),
    // Each resolves with the snapshot at which the run stopped (done, paused or cancelled), for tests and scripts.
    vscode.commands.registerCommand(COMMANDS.trainAnd, async () => {
      await reveal();
      return controller.trainPreset("AND").catch(report);
    }),
    vscode.commands.registerCommand(COMMANDS.trainXor, async () => {
      await reveal();
      return controller.trainPreset("XOR").catch(report);
    }),
    vscode.commands.registerCommand(COMMANDS.trainFile, async (uri?: unknown) => {
      const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
      await reveal();
      return controller.trainFile(target).catch(report);
    }),
    vscode.commands.registerCommand(COMMANDS.applyTrainedValues, () => controller.apply().catch(report)),
  );
}
