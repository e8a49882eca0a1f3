import { Module } from '@nestjs/common';
import { MessageRepository } from './message.repository';
import { MessagesController } from './messages.controller';

/** Messages: their rows and state history, listed by the API and written by the flow engine and the sender. */
@Module({ controllers: [MessagesController], providers: [MessageRepository], exports: [MessageRepository] })
export class MessagingModule {}
