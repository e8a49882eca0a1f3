import { Module } from '@nestjs/common';
import { MessageRepository } from './message.repository';
import { MessagesController } from './messages.controller';

@Module({ controllers: [MessagesController], providers: [MessageRepository], exports: [MessageRepository] })
export class MessagesModule {}
